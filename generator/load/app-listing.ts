/** The shape of one listing of an app folder, shared by the scan that makes it and the snapshot that keeps it. */

/** One listed folder: its code-like files and subfolders, in the order the system listed them. */
export interface Folder {
  rel: string;
  names: string[];
  /** The subfolder at the same index of `names`, undefined for a file. */
  subs: (Folder | undefined)[];
}

/** What `scanAppFolder` found: a folder tree, or (past the file cap) a list already in report order. */
export type AppListing = { tree: Folder } | { list: string[] };
