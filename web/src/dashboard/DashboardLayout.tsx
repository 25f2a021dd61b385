import { QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider } from '../app/auth';
import { createQueryClient } from '../app/queryClient';
import { AppShell } from './AppShell';
import './shell.css';
import './dashboard-frame.css';
import './dashboard.css';

// One cache per page load; signing out or switching workspace clears it (app/auth.tsx).
const queryClient = createQueryClient();

// The lazily loaded /app area: nothing here is downloaded by visitors of the public pages.
export default function DashboardLayout() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <AppShell />
      </AuthProvider>
    </QueryClientProvider>
  );
}
