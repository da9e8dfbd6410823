/** Autoscaling: the HorizontalPodAutoscaler controller (kube-controller-manager). */
import type { ComponentFactory } from '../sim';
import { HorizontalPodAutoscalerController } from './hpa-controller';

export const autoscalingFactories: ComponentFactory[] = [
  (sim) => [new HorizontalPodAutoscalerController(sim)],
];
