export declare const WEB_INPUTS: readonly string[];
export declare function newestMtimeMs(root: string, paths: readonly string[]): number;
export declare function missingOutputs(root: string): string[];
export declare function webBuildReason(root: string): string | null;
