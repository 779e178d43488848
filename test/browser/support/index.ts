/** The browser-test harness in one import. See each module for details. */
export * from "./browser";
export * from "./static-server";
export * from "./screenshots";
export * from "./bundle";
