export type DatabaseHealth = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'error';
  database: DatabaseHealth;
}
