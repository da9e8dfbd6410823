/**
 * A container's filesystem: the image's files plus a writable scratch layer, with volumes mounted
 * over paths (emptyDir, ConfigMap, Secret, PVC). Every tree is a JSON record `path -> content`
 * (directories are keys ending in `/`), so it lives in the kubelet's snapshot.
 */
import { normalizePath, type FsApi, type FsError } from './shell/fsapi';

/** Files of one tree, keyed by absolute path within the tree (`/a/b`); directories end in `/`. */
export type FileTree = Record<string, string>;

export interface Mount {
  /** Where the tree appears in the container. */
  path: string;
  tree: FileTree;
  readOnly: boolean;
}

export class ContainerFs implements FsApi {
  /** `mounts` from most to least specific are found by longest prefix; the root is the scratch layer. */
  constructor(
    private root: FileTree,
    private mounts: Mount[],
    private cwd = '/',
  ) {}

  private resolve(path: string): {
    tree: FileTree;
    rel: string;
    readOnly: boolean;
    mountRoot: boolean;
  } {
    const abs = normalizePath(path, this.cwd);
    let best: Mount | undefined;
    for (const m of this.mounts) {
      if (
        (abs === m.path || abs.startsWith(m.path + '/')) &&
        (!best || m.path.length > best.path.length)
      )
        best = m;
    }
    if (!best) return { tree: this.root, rel: abs, readOnly: false, mountRoot: false };
    const rel = abs === best.path ? '/' : abs.slice(best.path.length);
    return { tree: best.tree, rel, readOnly: best.readOnly, mountRoot: abs === best.path };
  }

  read(path: string): string | undefined {
    const r = this.resolve(path);
    return Object.prototype.hasOwnProperty.call(r.tree, r.rel) ? r.tree[r.rel] : undefined;
  }

  isDir(path: string): boolean {
    const abs = normalizePath(path, this.cwd);
    if (abs === '/' || this.mounts.some((m) => m.path === abs || m.path.startsWith(abs + '/')))
      return true;
    const r = this.resolve(path);
    if (r.rel === '/') return true;
    const prefix = r.rel + '/';
    return Object.keys(r.tree).some((k) => k.startsWith(prefix));
  }

  private parentExists(path: string): boolean {
    const abs = normalizePath(path, this.cwd);
    const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
    return this.isDir(parent);
  }

  write(path: string, content: string, append: boolean): FsError | undefined {
    const r = this.resolve(path);
    if (this.isDir(path)) return 'EISDIR';
    if (r.readOnly) return 'EROFS';
    if (!this.parentExists(path)) return 'ENOENT';
    r.tree[r.rel] = (append ? (r.tree[r.rel] ?? '') : '') + content;
    return undefined;
  }

  mkdir(path: string, parents: boolean): FsError | undefined {
    if (this.isDir(path)) return parents ? undefined : 'EEXIST';
    if (this.read(path) !== undefined) return 'EEXIST';
    const r = this.resolve(path);
    if (r.readOnly) return 'EROFS';
    if (!parents && !this.parentExists(path)) return 'ENOENT';
    r.tree[r.rel + '/'] = '';
    return undefined;
  }

  remove(path: string, recursive: boolean): FsError | undefined {
    const r = this.resolve(path);
    if (r.mountRoot) return 'EROFS';
    const isFile = Object.prototype.hasOwnProperty.call(r.tree, r.rel);
    const dir = !isFile && this.isDir(path);
    if (!isFile && !dir) return 'ENOENT';
    if (r.readOnly) return 'EROFS';
    if (isFile) delete r.tree[r.rel];
    if (dir && recursive)
      for (const k of Object.keys(r.tree)) if (k.startsWith(r.rel + '/')) delete r.tree[k];
    return undefined;
  }

  list(path: string): string[] | undefined {
    if (!this.isDir(path)) return undefined;
    const abs = normalizePath(path, this.cwd);
    const names = new Set<string>();
    const r = this.resolve(path);
    const prefix = r.rel === '/' ? '/' : r.rel + '/';
    for (const k of Object.keys(r.tree)) {
      if (!k.startsWith(prefix) || k === prefix) continue;
      const name = k.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
    const absPrefix = abs === '/' ? '/' : abs + '/';
    for (const m of this.mounts) {
      if (m.path.startsWith(absPrefix)) names.add(m.path.slice(absPrefix.length).split('/')[0]);
    }
    return [...names].sort();
  }
}
