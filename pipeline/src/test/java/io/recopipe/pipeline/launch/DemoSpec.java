package io.recopipe.pipeline.launch;

/** The spec {@link SpecRunTest} runs: KFP's shapes with {@code sh} executors. */
final class DemoSpec {
  private static final String DATASET =
      "{\"artifactType\": {\"schemaTitle\": \"system.Dataset\", \"schemaVersion\": \"0.0.1\"}}";

  static final String JSON =
      """
      {"pipelineInfo": {"name": "demo"}, "schemaVersion": "2.1.0", "sdkVersion": "test",
       "components": {
        "comp-produce": {"executorLabel": "exec-produce",
          "inputDefinitions": {"parameters": {"n": {"parameterType": "NUMBER_INTEGER"}}},
          "outputDefinitions": {"parameters": {"Output": {"parameterType": "NUMBER_INTEGER"}},
                                "artifacts": {"data": DATASET}}},
        "comp-consume": {"executorLabel": "exec-consume",
          "inputDefinitions": {"artifacts": {"data": DATASET},
                               "parameters": {"flag": {"parameterType": "BOOLEAN"},
                                              "job": {"parameterType": "STRING"}}},
          "outputDefinitions": {"parameters": {"text": {"parameterType": "STRING"}}}},
        "comp-flaky": {"executorLabel": "exec-flaky",
          "inputDefinitions": {"parameters": {"counter": {"parameterType": "STRING"}}}},
        "comp-exit": {"executorLabel": "exec-exit",
          "inputDefinitions": {"parameters": {"status": {"parameterType": "TASK_FINAL_STATUS"}}},
          "outputDefinitions": {"parameters": {"seen": {"parameterType": "STRING"}}}},
        "comp-condition-1": {
          "inputDefinitions": {
            "artifacts": {"pipelinechannel--produce-data": DATASET},
            "parameters": {"pipelinechannel--produce-Output": {"parameterType": "NUMBER_INTEGER"},
                           "pipelinechannel--flag": {"parameterType": "BOOLEAN"}}},
          "dag": {"tasks": {"consume": {
            "componentRef": {"name": "comp-consume"}, "taskInfo": {"name": "consume"},
            "inputs": {
              "artifacts": {"data": {"componentInputArtifact": "pipelinechannel--produce-data"}},
              "parameters": {"flag": {"componentInputParameter": "pipelinechannel--flag"},
                "job": {"runtimeValue": {"constant": "{{$.pipeline_job_name}}"}}}}}}}}},
       "deploymentSpec": {"executors": {
        "exec-produce": {"container": {"image": "demo", "command": ["sh", "-c",
          "echo {{$.inputs.parameters['n']}} > \\"$0\\"; mkdir -p \\"$1\\"; printf %s {{$.inputs.parameters['n']}} > \\"$1/rows\\""],
          "args": ["{{$.outputs.parameters['Output'].output_file}}", "{{$.outputs.artifacts['data'].path}}"]}},
        "exec-consume": {"container": {"image": "demo", "command": ["sh", "-c",
          "printf '{\\"parameterValues\\": {\\"text\\": \\"%s-%s-%s\\"}}' {{$.inputs.parameters['job']}} \\"$(cat \\"$0/rows\\")\\" {{$.inputs.parameters['flag']}} > \\"$1\\""],
          "args": ["{{$.inputs.artifacts['data'].path}}", "{{$.outputs.output_file}}"]}},
        "exec-flaky": {"container": {"image": "demo", "command": ["sh", "-c",
          "n=$(cat \\"$0\\" 2>/dev/null || echo 0); echo $((n+1)) > \\"$0\\" && [ $n -ge 1 ]",
          "{{$.inputs.parameters['counter']}}"]}},
        "exec-exit": {"container": {"image": "demo", "command": ["sh", "-c",
          "printf %s \\"$1\\" > \\"$0\\"", "{{$.outputs.parameters['seen'].output_file}}",
          "{{$.inputs.parameters['status']}}"]}}}},
       "root": {
        "inputDefinitions": {"parameters": {
          "n": {"parameterType": "NUMBER_INTEGER", "defaultValue": 3.0, "isOptional": true},
          "flag": {"parameterType": "BOOLEAN", "defaultValue": true, "isOptional": true},
          "counter": {"parameterType": "STRING"}}},
        "dag": {"tasks": {
         "produce": {"componentRef": {"name": "comp-produce"}, "taskInfo": {"name": "produce"},
           "cachingOptions": {"enableCache": true},
           "inputs": {"parameters": {"n": {"componentInputParameter": "n"}}}},
         "condition-1": {"componentRef": {"name": "comp-condition-1"},
           "taskInfo": {"name": "condition-1"}, "dependentTasks": ["produce"],
           "inputs": {
             "artifacts": {"pipelinechannel--produce-data": {"taskOutputArtifact":
               {"producerTask": "produce", "outputArtifactKey": "data"}}},
             "parameters": {
               "pipelinechannel--produce-Output": {"taskOutputParameter":
                 {"producerTask": "produce", "outputParameterKey": "Output"}},
               "pipelinechannel--flag": {"componentInputParameter": "flag"}}},
           "triggerPolicy": {"condition":
             "int(inputs.parameter_values['pipelinechannel--produce-Output']) > 5"}},
         "flaky": {"componentRef": {"name": "comp-flaky"}, "taskInfo": {"name": "flaky"},
           "inputs": {"parameters": {"counter": {"componentInputParameter": "counter"}}},
           "retryPolicy": {"maxRetryCount": 2, "backoffDuration": "0s", "backoffFactor": 2.0,
             "backoffMaxDuration": "3600s"}},
         "exit": {"componentRef": {"name": "comp-exit"}, "taskInfo": {"name": "exit"},
           "dependentTasks": ["flaky"],
           "inputs": {"parameters": {"status": {"taskFinalStatus": {"producerTask": "flaky"}}}},
           "triggerPolicy": {"strategy": "ALL_UPSTREAM_TASKS_COMPLETED"}}}}}}
      """
          .replace("DATASET", DATASET);

  private DemoSpec() {}
}
