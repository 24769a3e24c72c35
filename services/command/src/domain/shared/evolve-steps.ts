/** An aggregate as its creating fact leaves it: version 1, created and updated at `at`, not deleted. */
export function created<F extends object>(id: string, fields: F, at: string) {
  return { id, ...fields, version: 1, createdAt: at, updatedAt: at, deletedAt: null };
}

/** The aggregate after one more fact that changes `fields`: the next version, updated at `at`. */
export function changed<S extends { readonly version: number; readonly updatedAt: string }>(state: S, at: string, fields: Partial<S> = {}): S {
  return { ...state, ...fields, version: state.version + 1, updatedAt: at };
}

/** The aggregate after its soft deletion at `at` (the row stays, to answer version checks). */
export function softDeleted<S extends { readonly version: number; readonly updatedAt: string; readonly deletedAt: string | null }>(state: S, at: string): S {
  return changed(state, at, { deletedAt: at } as Partial<S>);
}
