/**
 * What a value becomes on the wire: a Date is sent as its ISO string. The console types the
 * API's answers as `Json<z.infer<typeof Schema>>` of the very schemas the server answers with.
 */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T
