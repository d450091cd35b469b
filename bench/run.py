"""`make bench`: every benchmark of the project, one after the other; each prints its figures."""

from bench import export_bench, latency_bench, map_bench, rerun_bench, timeline_bench, tour_bench

if __name__ == "__main__":
    print("== filter change on the bundled data (whole Streamlit rerun, AppTest) ==")
    rerun_bench.main()
    print("\n== map build + render: bundled data and the 25,917-link reference set ==")
    map_bench.main()
    print("\n== exports of the bundled data, per format ==")
    export_bench.main()
    print("\n== timeline: browser time of one frame; the basemap fallback's payload ==")
    timeline_bench.main()
    print("\n== one guided-tour step in the browser (presenter view, Chromium) ==")
    tour_bench.main()
    print("\n== what the presenter feels: start, click, year step, filter (Chromium 1920x1080) ==")
    latency_bench.main()
