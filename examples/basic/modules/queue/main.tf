# A local module, so that plans carry a module path (module.queue.aws_sqs_queue.this).

variable "name" {
  description = "Queue name; a dead-letter queue is not created here to keep the example small."
  type        = string
}

resource "aws_sqs_queue" "this" {
  name                       = var.name
  message_retention_seconds  = 345600
  visibility_timeout_seconds = 60
}

output "url" {
  value = aws_sqs_queue.this.url
}
