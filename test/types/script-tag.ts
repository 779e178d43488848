// A page that loads dist/ydrz-jssdk.umd.js with a <script> tag and types it with the package's
// declaration of the global.
/// <reference types="ydrz-jssdk/umd" />

YDRZAuthLogin.getTokenInfo({
  data: { version: "2.0", appId: "300011", sign: "s", traceId: "t", timestamp: "1" },
  error: (res) => console.log(res.msgId),
});
window.YDRZAuthLogin.endGetToken();
const version: string = YDRZAuthLogin.version;
console.log(version);
