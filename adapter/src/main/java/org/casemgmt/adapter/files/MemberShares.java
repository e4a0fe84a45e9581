package org.casemgmt.adapter.files;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.casemgmt.adapter.jobs.StepCounters;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * A step of a feed file's job whose members are shared among writers working side by side. Each writer takes the
 * members whose id hashes to it, so all of a member's records go through one writer, in file order, and no two
 * writers record the same member. Each writer is a step of its own ({@code record-members-2-of-2}) with its own
 * reader, chunk transactions and restart position. Together they make one step of the job, which completes once
 * every writer has. A job resumed after a crash resumes each writer after its own last committed chunk and does not
 * run a completed writer again. Why: one writer left 40% of this machine's two cores idle while it waited for the
 * database ({@code bench/enrollment.sh}).
 */
public final class MemberShares {
  private final String step;
  private final int writers;

  /**
   * @param step    the job's step the writers make together; each writer's step is named after it
   * @param writers how many, at least one. A file resumed with another count runs the new writers from its start: the
   *                feeds record the same members again as unchanged.
   */
  public MemberShares(String step, int writers) {
    if (writers < 1) {
      throw new IllegalArgumentException("writers must be at least 1, not " + writers);
    }
    this.step = step;
    this.writers = writers;
  }

  /** The step of one writer (1 to the number of writers). */
  public String writerStep(int writer) {
    return step + "-" + writer + "-of-" + writers;
  }

  /** Whether the member falls to the writer; an item that names no member falls to the first. */
  public boolean holds(int writer, String memberId) {
    int share = memberId == null ? 0 : Math.floorMod(memberId.hashCode(), writers);
    return share == writer - 1;
  }

  /** The job's step: the writers' steps side by side, each built for its writer by {@code writerStep}. */
  public Step step(JobRepository jobs, IntFunction<Step> writerStep) {
    Flow[] flows = IntStream.rangeClosed(1, writers).mapToObj(writer -> new FlowBuilder<SimpleFlow>(
        writerStep(writer)).start(writerStep.apply(writer)).build()).toArray(Flow[]::new);
    Flow split = new FlowBuilder<SimpleFlow>(step).split(new SimpleAsyncTaskExecutor(step + "-")).add(flows)
        .build();
    return new StepBuilder(step, jobs).flow(split).build();
  }

  /** One writer's reader: it reads all the items and hands on those of its own members. */
  public <T> ItemStreamReader<T> reader(int writer, ItemStreamReader<T> all, Function<T, String> memberId) {
    return new ItemStreamReader<>() {
      @Override
      public T read() throws Exception {
        for (T item = all.read(); item != null; item = all.read()) {
          if (holds(writer, memberId.apply(item))) {
            return item;
          }
        }
        return null;
      }

      @Override
      public void open(ExecutionContext context) {
        all.open(context);
      }

      @Override
      public void update(ExecutionContext context) {
        all.update(context);
      }

      @Override
      public void close() {
        all.close();
      }
    };
  }

  /** The writers' latest executions for a file, whichever run each was in; writers that have not run are left out. */
  public Writers of(FeedFiles files, JobExecution run) {
    return new Writers(IntStream.rangeClosed(1, writers).mapToObj(writer -> files.lastStep(run, writerStep(writer)))
        .flatMap(Optional::stream).toList());
  }

  /** The writers' executions, whose counters add up to the step's. */
  public record Writers(List<StepExecution> steps) {
    public long sum(String counter) {
      return steps.stream().mapToLong(writer -> StepCounters.get(writer, counter)).sum();
    }

    /** The least of a counter: how far every writer has come, of a position all of them go through. */
    public long least(String counter) {
      return steps.stream().mapToLong(writer -> StepCounters.get(writer, counter)).min().orElse(0);
    }
  }
}
