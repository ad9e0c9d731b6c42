import React, { useState } from "react";

type Props = { label: string; initial?: number };

export function Counter({ label, initial = 0 }: Props) {
  const [count, setCount] = useState<number>(initial);
  return (
    <button className="counter" onClick={() => setCount(count + 1)}>
      {label}: {count}
    </button>
  );
}

const Badge = ({ text }: { text: string }) => <span className="badge">{text}</span>;

export default class Panel extends React.Component<Props> {
  render() {
    return <div>{this.props.label}</div>;
  }
}
