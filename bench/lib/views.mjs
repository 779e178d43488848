// The five views (views.md) and the three carrier paths, as the bench names them.
export const VIEWS = [
  "standard-popup",
  "custom-popup",
  "custom-popup-mask",
  "custom-page",
  "standard-page",
];

/** The emulator's test SIM per carrier path: CM answers the pre-fetch; CT/CU need their 3 steps. */
export const CARRIERS = [
  ["CM", "cm"],
  ["CT", "ct"],
  ["CU", "cu"],
];
