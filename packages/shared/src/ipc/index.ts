// Desktop bridge contracts, one file per domain; see apps/desktop.
export {};
