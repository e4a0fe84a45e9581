package org.casemgmt.routes.ehr;

/** Why one received resource cannot become part of the client record; its dead letter's reason. */
class EhrRefusal extends Exception {
  EhrRefusal(String reason) {
    super(reason);
  }
}
