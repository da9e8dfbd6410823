/** Files and log lines of the real images (nginx's welcome page and entrypoint, httpd's page). */

/** nginx ≥ 1.21 `/usr/share/nginx/html/index.html` (615 bytes). */
export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx 1.14–1.20 `index.html` (612 bytes). */
export const NGINX_INDEX_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

export function nginxErrorPage(status: number, text: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** docker-entrypoint.sh output of nginx images ≥ 1.19, then the master process notices. */
export function nginxStartLogs(version: string, entrypoint: boolean): string[] {
  const ep = entrypoint
    ? [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '{ts} [notice] 1#1: using the "epoll" event method',
        `{ts} [notice] 1#1: nginx/${version}`,
        '{ts} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ',
        '{ts} [notice] 1#1: OS: Linux 6.8.0-85-generic',
        '{ts} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
        '{ts} [notice] 1#1: start worker processes',
        '{ts} [notice] 1#1: start worker process 29',
      ]
    : [];
  return ep;
}

export const NGINX_STOP_LOGS = [
  '{ts} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
  '{ts} [notice] 29#29: gracefully shutting down',
  '{ts} [notice] 29#29: exiting',
  '{ts} [notice] 29#29: exit',
  '{ts} [notice] 1#1: signal 17 (SIGCHLD) received from 29',
  '{ts} [notice] 1#1: worker process 29 exited with code 0',
  '{ts} [notice] 1#1: exit',
];

export const HTTPD_START_LOGS = [
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {ip}. Set the 'ServerName' directive globally to suppress this message",
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {ip}. Set the 'ServerName' directive globally to suppress this message",
  '[{httpdts}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations',
  "[{httpdts}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
];

export const REDIS_START_LOGS = [
  '1:C {redists} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
  '1:C {redists} * Redis version=7.4.5, bits=64, commit=00000000, modified=0, pid=1, just started',
  '1:C {redists} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
  '1:M {redists} * monotonic clock: POSIX clock_gettime',
  '1:M {redists} * Running mode=standalone, port=6379.',
  '1:M {redists} * Server initialized',
  '1:M {redists} * Ready to accept connections tcp',
];
