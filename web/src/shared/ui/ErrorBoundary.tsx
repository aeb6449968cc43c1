import { Component, type ReactNode } from 'react';
import { ErrorNotice } from './QueryStates';

interface Props {
  title: string;
  body: string;
  reloadLabel: string;
  /** Resets the boundary when it changes (e.g. the route). */
  resetKey?: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey?: string;
}

/** Catches render errors and failed chunk loads of a page, so the shell stays usable. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <ErrorNotice title={this.props.title}>
        {this.props.body}{' '}
        <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
          {this.props.reloadLabel}
        </button>
      </ErrorNotice>
    );
  }
}
