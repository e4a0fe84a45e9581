package org.casemgmt.routes.claims;

import org.casemgmt.routes.files.FileItems;

/** Reads one claim file claim by claim: each claim, or a rejection of a claim or transaction set, in file order. */
public interface ClaimReader extends FileItems<ParsedClaim> {
}
