export declare const webBuildInputs: string[];
export declare const webBuildDir: string;
export declare function hashInputs(root: string, inputs?: string[]): string;
export declare function readStamp(buildDir: string): string | null;
export declare function writeStamp(buildDir: string, hash: string): void;
export declare function staleReason(state: { indexExists: boolean; stamp: string | null; hash: string }): string | null;
