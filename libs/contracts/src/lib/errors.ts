/** One problem with one field of a request. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error the API answers with. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  /** For a CSV import: every bad line. */
  lineErrors?: { line: number; field: string; message: string }[];
  /** For a throttled request: how long to wait. */
  retryAfterSeconds?: number;
}
