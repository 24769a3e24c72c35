import type { ReadModel } from '@mindflow/event-log';

/** `notification_recipients`: who a notification goes to, and the address the email channel sends to. */
export const recipients: ReadModel = {
  name: 'notification_recipients',
  handlers: {
    async UserRegistered(event, tx) {
      const p = event.payload;
      // ON CONFLICT: a replay over existing rows writes the registration again.
      await tx.query(
        `INSERT INTO notification_recipients (user_id, email, display_name, registered_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name, registered_at = EXCLUDED.registered_at`,
        [p.userId, p.email, p.name, p.registeredAt],
      );
    },
  },
};
