import { ComingSoon } from '../../ui/ComingSoon';

export function TemplatesPage() {
  return <ComingSoon title="Templates" summary="Write message templates, check them before submitting them to Meta, and follow their approval status." />;
}
