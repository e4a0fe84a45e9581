package org.casemgmt.routes.enrollment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads test 834 files through the parser, with the default member id qualifier (REF*0F). */
final class Enrollment834Files {
  private Enrollment834Files() {
  }

  static List<ParsedMember> readAll(Path file) throws Exception {
    try (EnrollmentReader reader = new X12EnrollmentParser("0F").open(file)) {
      List<ParsedMember> items = new ArrayList<>();
      for (ParsedMember item = reader.next(); item != null; item = reader.next()) {
        items.add(item);
      }
      return items;
    }
  }

  static List<ParsedMember> parse(Path folder, String text) throws Exception {
    return readAll(write(folder, "enrollment.834", text));
  }

  static Path write(Path folder, String name, String text) {
    try {
      return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
