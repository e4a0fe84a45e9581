package org.casemgmt.routes.adt;

/**
 * An HL7 HD (hierarchic designator): how v2 names applications, facilities and assigning authorities, either by a
 * local namespace id or by a universal id such as an OID, often both.
 */
record HierarchicDesignator(String namespaceId, String universalId) {
  static final HierarchicDesignator NONE = new HierarchicDesignator("", "");

  HierarchicDesignator {
    namespaceId = namespaceId == null ? "" : namespaceId.trim();
    universalId = universalId == null ? "" : universalId.trim();
  }

  /** The namespace id, or the universal id when there is no namespace: the name the mapping tables use. */
  String name() {
    return namespaceId.isEmpty() ? universalId : namespaceId;
  }

  boolean isEmpty() {
    return name().isEmpty();
  }
}
