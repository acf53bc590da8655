/** An uploaded file as the service keeps it until its import ends. */
export interface StoredUpload {
  uploadId: string;
  /** The import the file was uploaded for; an import that is resumed with a new file has several in turn. */
  importId: string;
  divisionId: string;
  /** The whole file arrived; an incomplete upload is one whose request is still being read, or broke off. */
  complete: boolean;
  bytes: number;
  /** When its last part was stored, as ISO-8601. */
  updatedAt: string;
}

/**
 * Where uploaded import files are kept, part by part, so that an import outlives the process that received it: a
 * restarted or another instance reads the file from here and resumes the job without the client sending it again.
 * Parts are read one at a time, so a file is never held whole in memory.
 */
export abstract class ImportUploads {
  /** Begins an upload; its parts follow with `append`, in order from 0. */
  abstract begin(upload: { uploadId: string; importId: string; divisionId: string; at: Date }): Promise<void>;
  abstract append(uploadId: string, index: number, data: Buffer, at: Date): Promise<void>;
  /** Marks the upload whole, with its size. */
  abstract complete(uploadId: string, bytes: number, at: Date): Promise<void>;
  /** The upload's parts in order; nothing for an upload that is not stored. */
  abstract read(uploadId: string): AsyncIterable<Buffer>;
  abstract find(uploadId: string): Promise<StoredUpload | undefined>;
  /** Every stored upload, complete or not, oldest first. */
  abstract list(): Promise<StoredUpload[]>;
  /** Removes the upload and its parts; removing one that is not stored does nothing. */
  abstract delete(uploadId: string): Promise<void>;
}
