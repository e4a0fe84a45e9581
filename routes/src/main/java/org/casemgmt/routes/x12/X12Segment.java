package org.casemgmt.routes.x12;

import java.util.List;
import org.casemgmt.routes.files.BadValue;

/**
 * One X12 segment as StAEDI delivered it: its tag, its elements (each a list of components; a simple element has
 * one) and where it stood. Element and component positions are 1-based, as the implementation guides number them;
 * an element that was not sent reads as the empty string.
 *
 * @param position its position in the transaction set, ST = 1 (a 999's IK3-02); 0 outside a transaction set
 * @param line     the line of the file it ends on
 */
public record X12Segment(String tag, List<List<String>> elements, int position, int line, char componentSeparator) {

  public String element(int n) {
    return component(n, 1);
  }

  public String component(int n, int c) {
    if (n > elements.size()) {
      return "";
    }
    List<String> components = elements.get(n - 1);
    return c > components.size() ? "" : components.get(c - 1);
  }

  /** Whether element n was sent with components; a composite sent as one value is not. */
  public boolean isComposite(int n) {
    return n <= elements.size() && elements.get(n - 1).size() > 1;
  }

  public int elementCount() {
    return elements.size();
  }

  /** Element n, which must be there. */
  public String required(int n) {
    String value = element(n).trim();
    if (value.isEmpty()) {
      throw new BadValue(ref(n), ref(n) + " is missing");
    }
    return value;
  }

  /** Component c of composite n, which must be there. */
  public String required(int n, int c) {
    String value = component(n, c).trim();
    if (value.isEmpty()) {
      throw new BadValue(ref(n, c), ref(n, c) + " is missing" + compositeHint(n));
    }
    return value;
  }

  /** The element reference designator: {@code DTP03}. */
  public String ref(int n) {
    return tag + (n < 10 ? "0" : "") + n;
  }

  /** The component reference: {@code CLM05-3}. */
  public String ref(int n, int c) {
    return ref(n) + "-" + c;
  }

  /**
   * A hint for a value that should have been a composite: a file whose components use another separator than its
   * ISA16 declares (some public samples write {@code 13>A>1} under ISA16 {@code :}) reads as one value.
   */
  public String compositeHint(int n) {
    return isComposite(n) || element(n).isEmpty() ? ""
        : " (" + ref(n) + " is not a composite: its components are separated by '" + componentSeparator
            + "', as ISA16 says)";
  }
}
