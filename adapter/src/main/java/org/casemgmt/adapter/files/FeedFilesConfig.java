package org.casemgmt.adapter.files;

import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the file feeds (claims, enrollment) share: the launcher of their jobs. */
@Configuration
class FeedFilesConfig {

  /** Jobs run on the caller's thread (the inbox's), one file at a time, so a file is done when its exchange is. */
  @Bean
  TaskExecutorJobLauncher feedFileJobLauncher(JobRepository jobRepository) throws Exception {
    TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
    launcher.setJobRepository(jobRepository);
    launcher.afterPropertiesSet();
    return launcher;
  }
}
