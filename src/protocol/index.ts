/** Protocol facts shared by the browser SDK, the Node helpers and the emulator. No DOM, no Node. */
export * from "./hosts";
export * from "./codes";
export * from "./timestamp";
export * from "./sign-input";
export * from "./masked-phone";
export * from "./expand-params";
export type * from "./wire";
