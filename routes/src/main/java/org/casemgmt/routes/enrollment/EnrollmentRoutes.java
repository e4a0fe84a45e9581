package org.casemgmt.routes.enrollment;

import org.casemgmt.routes.files.FileInboxRoutes;
import org.springframework.stereotype.Component;

/** Medicaid enrollment files (X12 834 005010X220) dropped into {@code adapter.enrollment.inbox}. */
@Component
class EnrollmentRoutes extends FileInboxRoutes {

  EnrollmentRoutes(EnrollmentFileIntake intake) {
    super("enrollment", intake);
  }
}
