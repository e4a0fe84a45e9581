package org.casemgmt.adapter.reporting.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An export's NDJSON files in its own folder ({@code <directory>/<job id>/1.ndjson}, ...): one resource per line,
 * one type per file, a file closed once it holds {@code maxFileBytes} so that no file, and no download, grows with
 * the size of the store. What is written goes straight to disk; nothing of it is held.
 */
final class ExportFiles implements AutoCloseable {
  /** A finished file, as the manifest lists it. */
  record File(int number, String type, long count, long bytes) {}

  private final Path folder;
  private final long maxFileBytes;
  private final List<File> files = new ArrayList<>();
  private OutputStream out;
  private String type;
  private long count;
  private long bytes;

  ExportFiles(Path directory, String jobId, long maxFileBytes) {
    this.folder = folder(directory, jobId);
    this.maxFileBytes = maxFileBytes;
    delete(directory, jobId);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path folder(Path directory, String jobId) {
    return directory.resolve(jobId);
  }

  static Path file(Path directory, String jobId, int number) {
    return folder(directory, jobId).resolve(number + ".ndjson");
  }

  /** Removes an export's files (a deleted, expired or restarted export). */
  static void delete(Path directory, String jobId) {
    Path folder = folder(directory, jobId);
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends one resource, as one line of JSON, to the current file of its type. */
  void write(String resourceType, String json) {
    byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
    if (out != null && (!resourceType.equals(type) || bytes + line.length > maxFileBytes && count > 0)) {
      closeFile();
    }
    try {
      if (out == null) {
        type = resourceType;
        out = new BufferedOutputStream(Files.newOutputStream(file(folder.getParent(), folder.getFileName().toString(),
            files.size() + 1)), 1 << 16);
      }
      out.write(line);
      count++;
      bytes += line.length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files written, in order, the last one closed. */
  List<File> finish() {
    closeFile();
    return List.copyOf(files);
  }

  @Override
  public void close() {
    closeFile();
  }

  private void closeFile() {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(new File(files.size() + 1, type, count, bytes));
    out = null;
    count = 0;
    bytes = 0;
  }
}
