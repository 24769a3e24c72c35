/**
 * Tells the worker (through its `poke`) when deliveries were queued, from any process. A notice can be lost (sent
 * while not listening), so the worker keeps polling, slowly while this listens.
 */
export interface DeliveryWakeups {
  /** (Re)connects when needed: true while listening. */
  listen(): Promise<boolean>;
}
