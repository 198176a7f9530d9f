//! The speed experiment's timing plan, with made-up times: calibration, sample sizes, the sweep
//! over large buffers, medians, progress, and the buffers it runs over.

use relu_explorer::speed::buffers::Buffers;
use relu_explorer::speed::measure::*;
use relu_explorer::speed::{Kernel, SpeedError};

/// Runs `run` to its end, timing every task at `ns_per_element` (one subject's cost by index),
/// and returns the tasks it gave.
fn drive(run: &mut Run, ns_per_element: impl Fn(Subject) -> f64) -> Vec<Task> {
    let mut tasks = Vec::new();
    while let Some(task) = run.next_task() {
        assert_eq!(run.next_task(), Some(task), "asked again, the same task");
        tasks.push(task);
        run.record(task.work() * ns_per_element(task.subject) * 1e-6)
            .unwrap();
        assert!(tasks.len() < 10_000, "the run never ends");
    }
    tasks
}

#[test]
fn sizes_run_from_4k_to_16m_by_fours_and_read_back_from_their_keys() {
    let elements: Vec<usize> = Size::ALL.iter().map(|s| s.elements()).collect();
    assert_eq!(
        elements,
        [4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216]
    );
    for size in Size::ALL {
        assert_eq!(Size::from_key(size.key()), Some(size));
    }
    assert_eq!(Size::default().key(), "1M");
    assert_eq!(Size::from_key("2M"), None);
    assert_eq!(Size::from_key("1m"), None);
}

#[test]
fn every_kernel_is_timed_in_both_engines_after_the_copy() {
    let all = Subject::all();
    assert_eq!(all.len(), 13);
    assert_eq!(all[0], Subject::Copy);
    for kernel in Kernel::ALL {
        assert!(all.contains(&Subject::Kernel(kernel, Engine::Wasm)));
        assert!(all.contains(&Subject::Kernel(kernel, Engine::Js)));
    }
}

#[test]
fn constant_costs_are_measured_exactly_with_samples_near_the_target() {
    // A cheap subject on a small buffer repeats whole passes; a costly one on a large buffer
    // times pieces of it.
    let relu = Subject::Kernel(Kernel::ALL[0], Engine::Wasm);
    let sigmoid = Subject::Kernel(Kernel::ALL[2], Engine::Js);
    for (size, subject, cost) in [
        (Size::K4, relu, 0.2),
        (Size::M16, relu, 0.5),
        (Size::M16, sigmoid, 12.0),
        (Size::K4, sigmoid, 12.0),
    ] {
        let mut run = Run::new(size, vec![subject]);
        let tasks = drive(&mut run, |_| cost);
        assert!(run.done());
        assert_eq!(run.progress(), 1.0);
        let timing = run.timings()[0];
        assert_eq!(timing.subject, subject);
        assert!(
            (timing.ns_per_element - cost).abs() < 1e-9 * cost,
            "{timing:?}"
        );
        // The last SAMPLES + 1 tasks are the samples (the first a warm-up), each within a factor
        // of two of SAMPLE_MS; every task stays inside the buffer.
        let samples = &tasks[tasks.len() - SAMPLES - 1..];
        for task in samples {
            let ms = task.work() * cost * 1e-6;
            assert!(
                (SAMPLE_MS / 2.0..=SAMPLE_MS * 2.0).contains(&ms),
                "{size:?} {subject:?}: a {ms} ms sample"
            );
        }
        for task in &tasks {
            assert!(task.start < task.end && task.end <= size.elements() && task.reps >= 1);
            assert!(task.work() * cost * 1e-6 <= SAMPLE_MS * 2.0, "{task:?}");
        }
    }
}

#[test]
fn pieces_of_a_large_buffer_sweep_it_in_whole_quads() {
    let sigmoid = Subject::Kernel(Kernel::ALL[2], Engine::Wasm);
    let mut run = Run::new(Size::M16, vec![sigmoid]);
    let tasks = drive(&mut run, |_| 10.0);
    let samples = &tasks[tasks.len() - SAMPLES - 1..];
    let len = samples[0].end - samples[0].start;
    assert_eq!(len % 4, 0);
    assert_eq!(len, 400_000, "4 ms at 10 ns an element");
    for pair in samples.windows(2) {
        assert_eq!(pair[1].start, pair[0].end, "each piece follows the last");
        assert_eq!(pair[1].reps, 1);
    }
}

#[test]
fn a_coarse_clock_is_outlasted_by_doubling_the_work() {
    // A clock that reads 0 for anything under 0.1 ms, as a browser's may.
    let mut run = Run::new(Size::K4, vec![Subject::Copy]);
    let mut calibrations = 0;
    while let Some(task) = run.next_task() {
        let real = task.work() * 0.1 * 1e-6;
        let read = (real / 0.1).floor() * 0.1;
        if run.timings().is_empty() && read < CALIBRATION_MS {
            calibrations += 1;
        }
        run.record(read).unwrap();
    }
    assert!(calibrations >= 5, "{calibrations} calibration runs");
    let ns = run.timings()[0].ns_per_element;
    assert!((ns - 0.1).abs() < 0.01, "{ns} ns an element against 0.1");
}

#[test]
fn the_median_ignores_one_slow_sample_per_subject() {
    let mut run = Run::new(Size::M1, vec![Subject::Copy]);
    let mut samples = 0;
    while let Some(task) = run.next_task() {
        let mut ms = task.work() * 0.3 * 1e-6;
        if ms > 2.0 {
            samples += 1;
            if samples == 3 {
                ms *= 50.0; // a garbage collection
            }
        }
        run.record(ms).unwrap();
    }
    assert!((run.timings()[0].ns_per_element - 0.3).abs() < 1e-9);
}

#[test]
fn progress_grows_to_one_subject_by_subject() {
    let mut run = Run::new(Size::K64, Subject::all());
    let mut last = 0.0;
    while let Some(task) = run.next_task() {
        run.record(task.work() * 1e-6).unwrap();
        let now = run.progress();
        assert!(now >= last && now <= 1.0);
        last = now;
    }
    assert_eq!(last, 1.0);
    assert_eq!(run.timings().len(), 13);
}

#[test]
fn bad_times_and_times_for_no_task_are_refused() {
    let mut run = Run::new(Size::K4, vec![Subject::Copy]);
    assert_eq!(run.record(1.0), Err(MeasureError::NoTask));
    run.next_task();
    for bad in [f64::NAN, -1.0, f64::INFINITY] {
        assert!(matches!(run.record(bad), Err(MeasureError::BadTime(_))));
    }
    assert_eq!(run.record(1.0), Ok(()));
    assert!(MeasureError::BadTime(-1.0).to_string().contains("-1"));
}

#[test]
fn medians_by_hand() {
    assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
    assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
    assert!(median(&mut []).is_nan());
}

#[test]
fn a_report_gives_ratios_of_what_it_timed() {
    let relu = Subject::Kernel(Kernel::ALL[0], Engine::Wasm);
    let report = Report {
        size: Size::M16,
        timings: vec![
            Timing {
                subject: Subject::Copy,
                ns_per_element: 0.5,
            },
            Timing {
                subject: relu,
                ns_per_element: 0.6,
            },
        ],
    };
    assert_eq!(report.ns(relu), Some(0.6));
    assert!((report.ratio(relu, Subject::Copy).unwrap() - 1.2).abs() < 1e-12);
    assert_eq!(
        report.ratio(Subject::Kernel(Kernel::ALL[2], Engine::Js), Subject::Copy),
        None
    );
}

#[test]
fn buffers_fill_in_pieces_with_both_signs_and_run_kernels_in_range() {
    let mut buffers = Buffers::new(10_000, 7).unwrap();
    assert!(!buffers.ready());
    assert!(!buffers.fill(4_000));
    assert_eq!(buffers.filled(), 0.4);
    assert!(buffers.fill(100_000));
    let negative = buffers.x.iter().filter(|x| **x < 0.0).count();
    assert!(
        (4_500..5_500).contains(&negative),
        "{negative} negative of 10 000"
    );
    assert!(buffers.x.iter().all(|x| (-4.0..4.0).contains(x)));
    assert!(buffers.grad.iter().all(|g| (-1.0..1.0).contains(g)));
    let relu_fb: Kernel = "relu-fb".parse().unwrap();
    buffers.run(relu_fb, 100, 200, 3).unwrap();
    for i in 100..200 {
        let x = buffers.x[i];
        assert_eq!(buffers.y[i], if x < 0.0 { 0.0 } else { x });
        assert_eq!(buffers.dx[i], if x <= 0.0 { 0.0 } else { buffers.grad[i] });
    }
    assert_eq!(buffers.y[99], 0.0, "outside the range nothing is written");
    assert_eq!(
        buffers.run(relu_fb, 9_000, 10_001, 1),
        Err(SpeedError::Range {
            start: 9_000,
            end: 10_001,
            len: 10_000
        })
    );
    // The same seed, the same data.
    let mut again = Buffers::new(10_000, 7).unwrap();
    again.fill(10_000);
    assert_eq!(again.x, buffers.x);
}

#[test]
fn a_buffer_larger_than_memory_is_refused_not_aborted() {
    let error = Buffers::new(usize::MAX / 8, 1).unwrap_err();
    assert!(matches!(error, SpeedError::OutOfMemory { .. }));
    assert!(error.to_string().contains("not enough memory"));
}

#[test]
fn the_speed_question_is_judged_by_the_measured_ratio() {
    assert_eq!(question_answer(1.5), "under2");
    assert_eq!(question_answer(2.0), "2to10");
    assert_eq!(question_answer(9.99), "2to10");
    assert_eq!(question_answer(10.0), "over10");
    assert_eq!(question_answer(40.0), "over10");
    for choice in QUESTION_CHOICES {
        assert!(
            [1.0, 5.0, 50.0]
                .iter()
                .any(|r| question_answer(*r) == choice),
            "{choice} is some ratio's answer"
        );
    }
    let (sigmoid, relu) = QUESTION_SUBJECTS;
    assert!(Subject::all().contains(&sigmoid) && Subject::all().contains(&relu));
}

#[test]
fn a_loop_that_speeds_up_after_calibration_is_calibrated_again() {
    // A JS loop: interpreted (100 ns an element) for its first 20 000 elements, then optimised
    // to 0.2 ns. Sized for 100 ns, its samples would read 0 on a 0.1 ms clock.
    let mut run = Run::new(Size::M1, vec![Subject::Copy]);
    let mut done = 0.0;
    while let Some(task) = run.next_task() {
        let cost = if done < 20_000.0 { 100.0 } else { 0.2 };
        done += task.work();
        let ms = task.work() * cost * 1e-6;
        run.record((ms / 0.1).floor() * 0.1).unwrap();
    }
    let ns = run.timings()[0].ns_per_element;
    assert!((ns - 0.2).abs() < 0.02, "{ns} ns an element against 0.2");
}
