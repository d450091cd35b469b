"""`make bench`: every benchmark of the project, one after the other; each prints its figures."""

from bench import map_bench, rerun_bench, tour_bench

if __name__ == "__main__":
    print("== filter change on the bundled data (whole Streamlit rerun, AppTest) ==")
    rerun_bench.main()
    print("\n== map build + render: bundled data and the 25,917-link reference set ==")
    map_bench.main()
    print("\n== one guided-tour step in the browser (presenter view, Chromium) ==")
    tour_bench.main()
