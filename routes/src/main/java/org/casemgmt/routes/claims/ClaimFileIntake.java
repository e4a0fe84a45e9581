package org.casemgmt.routes.claims;

import org.casemgmt.routes.files.FileIntake;

/** Where a claim file is handed over to be loaded: its claims staged and their evidence derived. */
public interface ClaimFileIntake extends FileIntake {
}
