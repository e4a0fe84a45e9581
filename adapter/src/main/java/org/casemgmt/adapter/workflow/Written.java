package org.casemgmt.adapter.workflow;

import java.util.Objects;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Resource;

/**
 * A write as the workflow judges it: the resource as written and, for an update, as it was. Rules look at what a
 * write changes, so that rewriting a resource unchanged, or re-pointing it at another client (a merge), breaks none.
 *
 * @param previous null for a create
 */
public record Written<T extends Resource>(T previous, T current) {

  public boolean isNew() {
    return previous == null;
  }

  /** Whether the part of the resource {@code part} reads differs from the previous version (always, for a create). */
  public boolean changed(Function<T, ?> part) {
    if (isNew()) {
      return true;
    }
    Object before = part.apply(previous);
    Object after = part.apply(current);
    if (before instanceof Base baseBefore && after instanceof Base baseAfter) {
      return !baseBefore.equalsDeep(baseAfter);
    }
    if (before instanceof java.util.List<?> listBefore && after instanceof java.util.List<?> listAfter) {
      if (listBefore.size() != listAfter.size()) {
        return true;
      }
      for (int i = 0; i < listBefore.size(); i++) {
        if (listBefore.get(i) instanceof Base a && listAfter.get(i) instanceof Base b ? !a.equalsDeep(b)
            : !Objects.equals(listBefore.get(i), listAfter.get(i))) {
          return true;
        }
      }
      return false;
    }
    return !Objects.equals(before, after);
  }

  /** Whether the write brings the resource into a state it was not in: created in it, or changed into it. */
  public boolean entered(Function<T, ?> status, Object state) {
    return Objects.equals(status.apply(current), state) && (isNew() || !Objects.equals(status.apply(previous), state));
  }
}
