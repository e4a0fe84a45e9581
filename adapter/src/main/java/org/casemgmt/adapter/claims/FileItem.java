package org.casemgmt.adapter.claims;

import org.casemgmt.routes.claims.ParsedClaim;

/**
 * A claim or rejection read from a file, with its position among the file's items (1-based): the position orders the
 * adjustments within a file and makes a rejection's row unique, so a resumed job never records one twice.
 */
record FileItem(long position, ParsedClaim parsed) {
}
