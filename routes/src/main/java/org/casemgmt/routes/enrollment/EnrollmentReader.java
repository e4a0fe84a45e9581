package org.casemgmt.routes.enrollment;

import org.casemgmt.routes.files.FileItems;

/** Reads one 834 file member by member: each member's maintenance, or a rejection of a member or transaction set. */
public interface EnrollmentReader extends FileItems<ParsedMember> {
}
