/** The scenario the app opens with: a live cluster with a Deployment behind a Service and traffic. */
export const DEFAULT_SCENARIO = `apiVersion: kubeplay/v1
kind: Scenario
metadata:
  name: hello-kubeplay
title:
  en: Hello, Kubeplay
  ko: 안녕하세요, Kubeplay
description:
  en: >-
    Three kubia pods behind a Service, with requests taking turns between them.
    Change the image to luksa/kubia:v2 and press Apply to watch a rolling update.
  ko: >-
    Service 뒤에 kubia 파드 세 개가 있고, 요청이 파드를 번갈아 찾아갑니다.
    이미지를 luksa/kubia:v2로 바꾸고 Apply를 눌러 롤링 업데이트를 확인해 보세요.
seed: 7
speed: 1
cluster:
  workers: 3
  proxyMode: rr
steps:
  - at: 20s
    run: kubeplay traffic start kubia --rate 2/s
    note:
      en: Steady traffic to the kubia Service; kube-proxy sends each request to the next ready pod.
      ko: kubia Service로 요청을 꾸준히 보냅니다. kube-proxy가 요청을 준비된 파드에 차례로 보냅니다.
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
  labels:
    app: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
        - name: kubia
          image: luksa/kubia:v1
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
---
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  type: NodePort
  selector:
    app: kubia
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30080
`;
