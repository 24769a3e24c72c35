// Original file: mindflow/command/v1/vocabulary.proto


/**
 * A list of tags as one value, so an update can tell "leave the tags alone" (field absent) from
 * "replace them with this list" (present, possibly empty). A bare `repeated` field has no presence.
 */
export interface TagList {
  'values'?: (string)[];
}

/**
 * A list of tags as one value, so an update can tell "leave the tags alone" (field absent) from
 * "replace them with this list" (present, possibly empty). A bare `repeated` field has no presence.
 */
export interface TagList__Output {
  'values': (string)[];
}
