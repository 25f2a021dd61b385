// A bounded record of webhook delivery attempts, for GET /_sim/deliveries and tests.

export interface DeliveryAttempt {
  deliveryId: number;
  url: string;
  phoneNumberIds: string[];
  attempt: number;
  statusCode: number | null;
  error?: string;
  outcome: 'delivered' | 'retrying' | 'gave_up';
  updates: number;
  at: string;
}

export class DeliveryLog {
  private attempts: DeliveryAttempt[] = [];

  constructor(private readonly limit = 2_000) {}

  add(attempt: DeliveryAttempt): void {
    this.attempts.push(attempt);
    if (this.attempts.length > this.limit * 1.2) this.attempts = this.attempts.slice(-this.limit);
  }

  list(phoneNumberId?: string): DeliveryAttempt[] {
    return phoneNumberId ? this.attempts.filter((a) => a.phoneNumberIds.includes(phoneNumberId)) : [...this.attempts];
  }
}
