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
}
