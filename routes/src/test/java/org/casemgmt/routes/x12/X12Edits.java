package org.casemgmt.routes.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Changes to test files written as segment lists: one thing wrong, everything else as it was. */
public final class X12Edits {
  private X12Edits() {
  }

  /** The segments with the first that starts with {@code prefix} changed (removed, when the change gives null). */
  public static List<String> edit(List<String> segments, String prefix, UnaryOperator<String> change) {
    List<String> edited = new ArrayList<>(segments);
    for (int i = 0; i < edited.size(); i++) {
      if (edited.get(i).startsWith(prefix)) {
        String replacement = change.apply(edited.get(i));
        if (replacement == null) {
          edited.remove(i);
        } else {
          edited.set(i, replacement);
        }
        return edited;
      }
    }
    throw new IllegalArgumentException("no segment starts with " + prefix);
  }
}
