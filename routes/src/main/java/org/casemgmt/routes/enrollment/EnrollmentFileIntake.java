package org.casemgmt.routes.enrollment;

import org.casemgmt.routes.files.FileIntake;

/** Where an enrollment file is handed over to be loaded: each member's coverage and client record made current. */
public interface EnrollmentFileIntake extends FileIntake {
}
