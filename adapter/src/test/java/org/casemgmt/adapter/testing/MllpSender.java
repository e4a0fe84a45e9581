package org.casemgmt.adapter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A hospital's sending system, as far as a test needs one: MLLP frames over a real TCP connection. */
public final class MllpSender implements AutoCloseable {
  private static final int START = 0x0b;
  private static final int END = 0x1c;
  private static final int CARRIAGE_RETURN = 0x0d;

  private final Socket socket;

  public MllpSender(int port) {
    this(null, port);
  }

  private MllpSender(String host, int port) {
    try {
      socket = new Socket();
      if (host != null) {
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      }
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      socket.setSoTimeout(60_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A sender on another host, as the service sees it: the connection comes from {@code host}, a loopback address
   * such as 127.0.2.9 (all of 127.0.0.0/8 is this machine on Linux).
   */
  public static MllpSender from(String host, int port) {
    return new MllpSender(host, port);
  }

  /** Sends one message (its bytes as given) and returns the acknowledgement. */
  public String send(byte[] message) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(START);
      out.write(message);
      out.write(END);
      out.write(CARRIAGE_RETURN);
      out.flush();
      return readFrame(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String send(String message) {
    return send(message.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes as given, outside or inside a frame, without waiting for anything. */
  public void write(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the service has closed (or reset) the connection; looks for at most 100 ms. Anything else the service
   * sends in that time is read and dropped.
   */
  public boolean closedByService() {
    try {
      socket.setSoTimeout(100);
      try {
        return socket.getInputStream().read() < 0;
      } finally {
        socket.setSoTimeout(60_000);
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static String readFrame(InputStream in) throws IOException {
    int b = in.read();
    while (b != START) {
      if (b < 0) {
        throw new IOException("connection closed before an acknowledgement");
      }
      b = in.read();
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    for (b = in.read(); b != END; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed inside an acknowledgement");
      }
      frame.write(b);
    }
    in.read();
    return frame.toString(StandardCharsets.UTF_8);
  }

  /** MSA-1 of an acknowledgement. */
  public static String ackCode(String ack) {
    return field(ack, "MSA", 1);
  }

  /** A field of the first segment with the given name ("" when absent). */
  public static String field(String message, String segment, int number) {
    for (String line : message.split("[\\r\\n]+")) {
      if (line.startsWith(segment + "|")) {
        String[] fields = line.split("\\|", -1);
        return fields.length > number ? fields[number] : "";
      }
    }
    return "";
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
