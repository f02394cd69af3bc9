/** Each bench module reports figures as `name: value unit`, one a line. */
export type Report = (name: string, value: number, unit: string) => void;
export interface BenchModule {
  name: string;
  run(report: Report): Promise<void>;
}
