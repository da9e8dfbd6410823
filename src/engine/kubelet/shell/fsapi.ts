/** The filesystem a simulated process sees (implemented by kubelet/fs.ts over container state). */
export interface FsApi {
  /** File content, or undefined if there is no such file. */
  read(path: string): string | undefined;
  write(path: string, content: string, append: boolean): FsError | undefined;
  isDir(path: string): boolean;
  mkdir(path: string, parents: boolean): FsError | undefined;
  /** Removes a file (or a tree with `recursive`). */
  remove(path: string, recursive: boolean): FsError | undefined;
  /** Names in a directory, sorted. */
  list(path: string): string[] | undefined;
}

export type FsError = 'ENOENT' | 'EISDIR' | 'EROFS' | 'EEXIST' | 'ENOTDIR';

/** busybox wording of errno values. */
export const FS_ERROR_TEXT: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  EROFS: 'Read-only file system',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
};

export function normalizePath(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}
