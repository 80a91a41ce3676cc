/** Builds the script-tag client (`window.UcpCrmClient`) and returns its code; writes it to `outfile` too, when given. */
export function buildClientGlobal(outfile?: string): Promise<string>
