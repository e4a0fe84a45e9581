package org.casemgmt.adapter.adt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** AE 207 ("send it again") only for what a resend can fix; the failures as the database outage test meets them. */
class TransientFailuresTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        failure("no connection within the pool's wait", true, new CannotCreateTransactionException("no EntityManager",
            new JDBCConnectionException("unable to acquire", new SQLTransientConnectionException("timed out")))),
        failure("the connection cut mid-query", true, new JpaSystemException(new GenericJDBCException("extract",
            new SQLException("FATAL: terminating connection due to administrator command", "57P01")))),
        failure("a broken pipe", true, new JpaSystemException(new RuntimeException(new SocketException("pipe")))),
        failure("writers colliding through every retry", true, new ResourceVersionConflictException("version")),
        failure("an identifier claimed meanwhile", true, new DataIntegrityViolationException("duplicate key",
            new SQLException("duplicate key value violates unique constraint", "23505"))),
        failure("a value too long, as Spring translates it", false, new DataIntegrityViolationException("too long",
            new SQLException("value too long for type character varying(200)", "22001"))),
        failure("a value too long for its column", false, new JpaSystemException(new GenericJDBCException("insert",
            new SQLException("value too long for type character varying(200)", "22001")))),
        failure("a request HAPI refuses", false, new InvalidRequestException("HAPI-1744: bad match URL")),
        failure("a defect", false, new NullPointerException()));
  }

  private static Arguments failure(String what, boolean resendCanFix, RuntimeException failure) {
    return Arguments.of(what, resendCanFix, failure);
  }

  @ParameterizedTest(name = "{0}: transient {1}")
  @MethodSource("failures")
  void onlyWhatAResendCanFixIsTransient(String what, boolean resendCanFix, RuntimeException failure) {
    assertThat(TransientFailures.isTransient(failure)).isEqualTo(resendCanFix);
  }
}
