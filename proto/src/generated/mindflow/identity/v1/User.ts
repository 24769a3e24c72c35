// Original file: mindflow/identity/v1/identity.proto


export interface User {
  'id'?: (string);
  'email'?: (string);
  'name'?: (string);
  'roles'?: (string)[];
  /**
   * ISO-8601 instant.
   */
  'createdAt'?: (string);
  '_name'?: "name";
}

export interface User__Output {
  'id': (string);
  'email': (string);
  'name'?: (string);
  'roles': (string)[];
  /**
   * ISO-8601 instant.
   */
  'createdAt': (string);
}
