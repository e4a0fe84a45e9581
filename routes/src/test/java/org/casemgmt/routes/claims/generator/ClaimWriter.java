package org.casemgmt.routes.claims.generator;

import java.io.Closeable;
import java.io.IOException;

/** Writes planned claims to a file as they come: nothing but the current segment or row is held. */
interface ClaimWriter extends Closeable {

  void write(SyntheticMember member, PlannedClaim claim) throws IOException;
}
