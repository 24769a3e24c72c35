// The object storage the media service uses: the port of @mindflow/object-storage (S3 distributed, the local disk
// embedded, one contract suite), named here so the use cases depend on what they need from it.
export type { ObjectStore as MediaObjects } from '@mindflow/object-storage';
