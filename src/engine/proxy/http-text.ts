/** HTTP wording: reason phrases as nginx sends them, and nginx's built-in error pages. */

/** Reason phrases (nginx's ngx_http_status_lines: 503 and 504 use its own wording). */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  408: 'Request Time-out',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

export function statusText(code: number): string {
  return STATUS_TEXT[code] ?? '';
}

/** The page nginx serves for an error status (ngx_http_special_response.c). */
export function nginxErrorPage(code: number): string {
  const title = `${code} ${statusText(code)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** RFC 7231 IMF-fixdate, as in the Date header. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
